define([], function() {
  var plural = function(count, one, many) { return count + ' ' + (count === 1 ? one : many); };
  var formats = { "e-learning": "E-Learning", "classroom": "Präsenzschulung", "document": "Dokument", "video": "Video", "link": "Link" };
  return {
    "PropertyPaneDescription": "Zeigt einen Kurskatalog: seine Kurse und Schulungspläne, mit Suche und Filtern. Lernende öffnen hier einen Kurs und absolvieren ihn, ohne die Seite zu verlassen.",
    "ContentGroupName": "Was dieses Webpart zeigt",
    "CatalogFieldLabel": "Katalog",
    "AllCatalogsOption": "Alle Kataloge, die die betrachtende Person sehen darf (der dieser Website zuerst)",
    "CourseFieldLabel": "Kurs",
    "WholeCatalogOption": "Der ganze Katalog",
    "ChoicesLoading": "Wird geladen…",
    "ChoicesUnavailable": "Konnte nicht geladen werden: Prüfen Sie den Dienst unten",
    "Catalog": {
      "title": "Kurskatalog",
      "loadingCatalogs": "Kataloge werden geladen…",
      "loadingCourses": "Kurse werden geladen…",
      "noCatalogsTitle": "Noch ist kein Katalog für Sie freigegeben",
      "noCatalogsHint": "Kataloge erscheinen hier, sobald Ihr Schulungsteam einen für Sie veröffentlicht. Fragen Sie Ihre Schulungsverantwortlichen, welche Schulungen geplant sind.",
      "catalogPicker": "Katalog",
      "search": "Kurse nach Titel, Zusammenfassung oder Schlagwort suchen",
      "formatFilter": "Format",
      "tagFilter": "Schlagwort",
      "durationFilter": "Dauer",
      "anyFormat": "Jedes Format",
      "anyTag": "Jedes Schlagwort",
      "clearFilters": "Suche und Filter zurücksetzen",
      "formats": formats,
      "durations": { "any": "Jede Dauer", "short": "Bis 30 Min.", "medium": "31 Min. bis 1 Std.", "long": "Über 1 Std." },
      "resultCount": function(shown, total) { return shown === total ? plural(total, 'Kurs', 'Kurse') : shown + ' von ' + total + ' Kursen passen'; },
      "coursesHeading": "Kurse",
      "noCoursesTitle": "Noch keine Kurse veröffentlicht",
      "noCoursesHint": "Dieser Katalog hat noch keine veröffentlichten Kurse. Schauen Sie später wieder vorbei oder wählen Sie einen anderen Katalog.",
      "noMatchesTitle": "Kein Kurs passt",
      "noMatchesHint": "Versuchen Sie andere Wörter oder setzen Sie Suche und Filter zurück.",
      "lessonCount": function(count) { return plural(count, 'Lektion', 'Lektionen'); },
      "hasQuiz": "Quiz",
      "tagsLabel": "Schlagwörter",
      "openCourse": function(title) { return title + ' öffnen'; },
      "plansHeading": "Schulungspläne",
      "planCourses": function(count) { return plural(count, 'Kurs', 'Kurse') + ', in dieser Reihenfolge:'; },
      "enrolInPlan": "Für diesen Plan anmelden",
      "enrollingInPlan": "Anmeldung läuft…",
      "enrolledInPlan": function(title, courses) { return 'Sie sind für ' + title + ' und ' + (courses === 1 ? 'seinen Kurs' : 'seine ' + courses + ' Kurse') + ' angemeldet. Sie finden sie unter „Meine Schulungen“.'; },
      "enrolPlanFailed": function(reason) { return 'Die Anmeldung ist fehlgeschlagen: ' + reason; },
      "unknownCourse": "Ein Kurs, der in diesem Katalog nicht angezeigt wird",
      "yourStatus": {
        "overdue": "Angemeldet: überfällig",
        "due-soon": "Angemeldet: bald fällig",
        "in-progress": "Angemeldet: in Bearbeitung",
        "not-started": "Angemeldet: nicht begonnen",
        "completed": "Abgeschlossen"
      }
    }
  };
});

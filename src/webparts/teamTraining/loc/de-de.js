define([], function() {
  var states = { "overdue": "Überfällig", "due-soon": "Bald fällig", "in-progress": "In Bearbeitung", "not-started": "Nicht begonnen", "completed": "Abgeschlossen" };
  return {
    "PropertyPaneDescription": "Zeigt Führungskräften die Schulungen ihrer direkt unterstellten Mitarbeitenden (aus Microsoft Entra ID), überfällige zuerst. Schulungsverantwortliche können von hier aus Kurse zuweisen.",
    "TeamTraining": {
      "title": "Mein Team",
      "intro": "Die Schulungen der Personen, die Ihnen unterstellt sind, die dringendsten zuerst.",
      "loading": "Die Schulungen Ihres Teams werden geladen…",
      "emptyTitle": "In Atrium ist Ihnen niemand unterstellt",
      "emptyHint": "Diese Ansicht listet Ihre direkt unterstellten Mitarbeitenden so, wie das Verzeichnis Ihrer Organisation (Microsoft Entra ID) sie führt. Fehlt jemand, bitten Sie Ihre Administration, Sie als Führungskraft einzutragen.",
      "noCoursesToAssign": "Es gibt noch keinen veröffentlichten Kurs zum Zuweisen. Sobald ein Katalog, den Sie sehen, einen hat, können Sie ihn jemandem in Ihrem Team mit Fälligkeitsdatum zuweisen.",
      "counts": function(assigned, overdue, completed) { return assigned + ' zugewiesen · ' + overdue + ' überfällig · ' + completed + ' abgeschlossen'; },
      "tableCaption": function(name) { return 'Schulungen von ' + name; },
      "columns": { "course": "Kurs", "state": "Status", "due": "Fällig", "progress": "Fortschritt" },
      "states": states,
      "noDueDate": "—",
      "percent": function(value) { return value + ' %'; },
      "noTraining": "Noch keine Schulungen.",
      "unnamed": "Person ohne Namen",
      "openCourse": function(title) { return title + ' öffnen'; },
      "assign": function(name) { return name + ' einen Kurs zuweisen'; },
      "assignTitle": function(name) { return name + ' einen Kurs zuweisen'; },
      "assignText": "Der Kurs erscheint mit Fälligkeitsdatum unter „Meine Schulungen“, Erinnerungen folgen.",
      "assignCourse": "Kurs",
      "chooseCourse": "Kurs auswählen",
      "assignDue": "Fälligkeitsdatum",
      "assignDueProblem": "Wählen Sie ein Datum nach dem heutigen.",
      "assignConfirm": "Zuweisen",
      "cancel": "Abbrechen",
      "assigned": function(course, name, due) { return course + ' ist ' + name + ' zugewiesen, fällig am ' + due + '.'; },
      "assignFailed": function(reason) { return 'Der Kurs konnte nicht zugewiesen werden: ' + reason; },
      "loadingCourses": "Die Kurse, die Sie zuweisen können, werden geladen…"
    }
  };
});

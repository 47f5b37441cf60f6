define([], function() {
  return {
    "PropertyPaneDescription": "Zeigt die Kurse und Pflichtschulungen der angemeldeten Person, die dringendsten zuerst. Kurse öffnen sich und laufen in diesem Webpart.",
    "MyTraining": {
      "title": "Meine Schulungen",
      "loading": "Ihre Schulungen werden geladen…",
      "loadFailed": "Ihre Schulungen konnten nicht geladen werden.",
      "retry": "Erneut versuchen",
      "notSignedIn": "Sie sind nicht bei Atrium angemeldet, oder Ihre Organisation hat den Zugriff noch nicht genehmigt.",
      "unreachable": "Der Atrium-Dienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
      "summaryLabel": "Übersicht Ihrer Schulungen",
      "emptyTitle": "Noch keine Schulungen",
      "emptyHint": "Kurse, für die Sie sich anmelden, und Schulungen, die Ihnen zugewiesen werden, erscheinen hier.",
      "states": {
        "overdue": "Überfällig",
        "due-soon": "Bald fällig",
        "in-progress": "In Bearbeitung",
        "not-started": "Nicht begonnen",
        "completed": "Abgeschlossen"
      },
      "sources": {
        "self": "Selbst angemeldet",
        "assigned": "Ihnen zugewiesen",
        "rule": "Für Ihre Rolle erforderlich"
      },
      "due": function(date) { return 'Fällig am ' + date; },
      "completedOn": function(date) { return 'Abgeschlossen am ' + date; },
      "noDueDate": "Kein Fälligkeitsdatum",
      "duration": function(minutes) {
        var hours = Math.floor(minutes / 60);
        var rest = minutes % 60;
        if (hours === 0) return rest + ' Min.';
        return rest === 0 ? hours + ' Std.' : hours + ' Std. ' + rest + ' Min.';
      },
      "progressLabel": function(courseTitle) { return 'Fortschritt in ' + courseTitle; },
      "progressValue": function(percent) { return percent + ' % abgeschlossen'; },
      "groupHeading": function(state, count) { return state + ' (' + count + ')'; },
      "certificatesHeading": "Meine Zertifikate",
      "certificateEarned": function(date) { return 'Erworben am ' + date; },
      "downloadCertificate": function(courseTitle) { return 'Zertifikat für ' + courseTitle + ' herunterladen'; },
      "downloadingCertificate": "Wird heruntergeladen…",
      "certificateSaved": function(fileName) { return fileName + ' gespeichert.'; },
      "certificateFailed": function(reason) { return 'Das Zertifikat konnte nicht heruntergeladen werden: ' + reason; }
    }
  };
});

define([], function() {
  return {
    "PropertyPaneDescription": "Für Schulungsverantwortliche und Mandantenadministration: Kataloge, Kurse (Lernmaterial aus der SharePoint-Website des Katalogs ausgewählt), Lernpläne, Zuweisungsregeln und Berichte.",
    "LoadingRoles": "Es wird geprüft, was Sie verwalten dürfen…"
  };
});

define([], function() {
  return {
    "PropertyPaneDescription": "Shows line managers the training of the people who report to them (from Microsoft Entra ID), overdue first. Training managers can assign courses from it."
  };
});

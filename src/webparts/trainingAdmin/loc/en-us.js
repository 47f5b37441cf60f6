define([], function() {
  return {
    "PropertyPaneDescription": "For training managers and tenant admins: catalogs, courses (lesson material picked from the catalog's SharePoint site), learning plans, assignment rules and reports.",
    "LoadingRoles": "Checking what you may manage…"
  };
});

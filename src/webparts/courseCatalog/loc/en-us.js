define([], function() {
  return {
    "PropertyPaneDescription": "Shows a course catalog: its courses and training plans, with search and filters. Learners open a course here and take it without leaving the page.",
    "ContentGroupName": "What this web part shows",
    "CatalogFieldLabel": "Catalog",
    "AllCatalogsOption": "Every catalog open to the viewer (this site's first)",
    "CourseFieldLabel": "Course",
    "WholeCatalogOption": "The whole catalog",
    "ChoicesLoading": "Loading…",
    "ChoicesUnavailable": "Could not be loaded: check the service below"
  };
});

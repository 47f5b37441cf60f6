define([], function() {
  return {
    "PropertyPaneDescription": "Shows the signed-in learner's courses and mandatory training, most urgent first. Courses open and play in this web part."
  };
});

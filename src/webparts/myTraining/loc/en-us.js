define([], function() {
  return {
    "PropertyPaneDescription": "Connects this web part to your organisation's Atrium LMS service. Leave both fields empty to use the tenant-wide setting (tenant properties AtriumLmsApiBaseUrl and AtriumLmsApiResource).",
    "ConnectionGroupName": "Atrium LMS service",
    "ApiBaseUrlFieldLabel": "Service address",
    "ApiBaseUrlFieldDescription": "The HTTPS address of the Atrium LMS API, e.g. https://atrium.contoso.com",
    "ApiBaseUrlInvalid": "Enter an address that starts with https://",
    "ApiResourceFieldLabel": "Entra application ID URI",
    "ApiResourceFieldDescription": "The application ID URI (api://…) or client ID of the Atrium LMS API registration in Microsoft Entra ID.",
    "NotConfigured": "Atrium is not connected yet. An administrator sets the tenant properties AtriumLmsApiBaseUrl and AtriumLmsApiResource, or a page author sets the service in this web part's properties."
  }
});

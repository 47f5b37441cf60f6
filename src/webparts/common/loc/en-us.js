define([], function() {
  return {
    "ConnectionGroupName": "Atrium LMS service",
    "ApiBaseUrlFieldLabel": "Service address",
    "ApiBaseUrlFieldDescription": "The HTTPS address of the Atrium LMS API, e.g. https://atrium.contoso.com. Leave empty to use the tenant property AtriumLmsApiBaseUrl.",
    "ApiBaseUrlInvalid": "Enter an address that starts with https://",
    "ApiResourceFieldLabel": "Entra application ID URI",
    "ApiResourceFieldDescription": "The application ID URI (api://…) or client ID of the Atrium LMS API registration in Microsoft Entra ID. Leave empty to use the tenant property AtriumLmsApiResource.",
    "NotConfigured": "Atrium is not connected yet. An administrator sets the tenant properties AtriumLmsApiBaseUrl and AtriumLmsApiResource, or a page author sets the service in this web part's properties."
  };
});

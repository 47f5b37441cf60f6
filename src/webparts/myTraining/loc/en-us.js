define([], function() {
  return {
    "PropertyPaneDescription": "Connects this web part to your organisation's Atrium LMS service.",
    "ConnectionGroupName": "Atrium LMS service",
    "ApiBaseUrlFieldLabel": "Service address",
    "ApiBaseUrlFieldDescription": "The HTTPS address of the Atrium LMS API, e.g. https://atrium.contoso.com",
    "ApiBaseUrlInvalid": "Enter an address that starts with https://",
    "ApiResourceFieldLabel": "Entra application ID URI",
    "ApiResourceFieldDescription": "The application ID URI (api://…) or client ID of the Atrium LMS API registration in Microsoft Entra ID.",
    "NotConfigured": "This web part is not connected yet. Edit the page and set the Atrium LMS service in the web part properties."
  }
});

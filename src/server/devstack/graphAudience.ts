/** The audience of Microsoft Graph tokens: the stand-in accepts only these. */
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';

declare interface IMyTrainingWebPartStrings {
  PropertyPaneDescription: string;
  ConnectionGroupName: string;
  ApiBaseUrlFieldLabel: string;
  ApiBaseUrlFieldDescription: string;
  ApiBaseUrlInvalid: string;
  ApiResourceFieldLabel: string;
  ApiResourceFieldDescription: string;
  NotConfigured: string;
}

declare module 'MyTrainingWebPartStrings' {
  const strings: IMyTrainingWebPartStrings;
  export = strings;
}

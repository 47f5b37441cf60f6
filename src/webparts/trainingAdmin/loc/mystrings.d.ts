declare interface ITrainingAdminWebPartStrings {
  PropertyPaneDescription: string;
  LoadingRoles: string;
}

declare module 'TrainingAdminWebPartStrings' {
  const strings: ITrainingAdminWebPartStrings;
  export = strings;
}

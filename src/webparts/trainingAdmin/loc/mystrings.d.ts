declare interface ITrainingAdminWebPartStrings {
  PropertyPaneDescription: string;
  LoadingRoles: string;
  /** The screens' texts; absent (English) or partial: the components' English fills the gaps. */
  Admin?: Partial<import('../../../ui/admin/adminStrings').AdminStrings>;
}

declare module 'TrainingAdminWebPartStrings' {
  const strings: ITrainingAdminWebPartStrings;
  export = strings;
}

declare interface ITrainingAdminWebPartStrings {
  PropertyPaneDescription: string;
  LoadingRoles: string;
  /** The screens' texts; absent (English) or partial: the components' English fills the gaps. */
  Admin?: Partial<import('../../../ui/admin/adminStrings').AdminStrings>;
  /** The organisation set-up wizard and the Organisation page, the same way. */
  Setup?: Partial<import('../../../ui/setup/setupStrings').SetupStrings>;
}

declare module 'TrainingAdminWebPartStrings' {
  const strings: ITrainingAdminWebPartStrings;
  export = strings;
}

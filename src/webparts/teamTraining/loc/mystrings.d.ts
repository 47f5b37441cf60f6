declare interface ITeamTrainingWebPartStrings {
  PropertyPaneDescription: string;
  /** The screen's texts; absent (English) or partial: the component's English fills the gaps. */
  TeamTraining?: Partial<import('../../../ui/team/teamStrings').TeamStrings>;
}

declare module 'TeamTrainingWebPartStrings' {
  const strings: ITeamTrainingWebPartStrings;
  export = strings;
}

declare interface IMyTrainingWebPartStrings {
  PropertyPaneDescription: string;
  /** The screen's texts; absent (English) or partial: the component's English fills the gaps. */
  MyTraining?: Partial<import('../../../ui/myTraining/myTrainingStrings').MyTrainingStrings>;
}

declare module 'MyTrainingWebPartStrings' {
  const strings: IMyTrainingWebPartStrings;
  export = strings;
}

declare interface ICourseCatalogWebPartStrings {
  PropertyPaneDescription: string;
  ContentGroupName: string;
  CatalogFieldLabel: string;
  AllCatalogsOption: string;
  CourseFieldLabel: string;
  WholeCatalogOption: string;
  ChoicesLoading: string;
  ChoicesUnavailable: string;
  /** The screens' texts; absent (English) or partial: the component's English fills the gaps. */
  Catalog?: Partial<import('../../../ui/catalog/catalogStrings').CatalogStrings>;
}

declare module 'CourseCatalogWebPartStrings' {
  const strings: ICourseCatalogWebPartStrings;
  export = strings;
}

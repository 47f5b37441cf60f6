/** Texts every Atrium web part shares: the property pane's connection group and the "not connected" notice. */
declare interface IAtriumSharedStrings {
  ConnectionGroupName: string;
  ApiBaseUrlFieldLabel: string;
  ApiBaseUrlFieldDescription: string;
  ApiBaseUrlInvalid: string;
  ApiResourceFieldLabel: string;
  ApiResourceFieldDescription: string;
  NotConfigured: string;
  /** Texts of screens several web parts show; absent (English) or partial: the components' English fills the gaps. */
  Common?: Partial<import('../../../ui/common/commonStrings').CommonStrings>;
  Player?: Partial<import('../../../ui/player/playerStrings').PlayerStrings>;
}

declare module 'AtriumSharedStrings' {
  const strings: IAtriumSharedStrings;
  export = strings;
}

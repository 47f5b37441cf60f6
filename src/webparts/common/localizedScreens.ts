import * as sharedStrings from 'AtriumSharedStrings';
import { englishCommonStrings, type CommonStrings } from '../../ui/common/commonStrings';
import { englishPlayerStrings, type PlayerStrings } from '../../ui/player/playerStrings';
import { withEnglishFallback } from './withEnglishFallback';

/** The user's language for texts every screen shares (a failed load, sign in again, …). */
export function localizedCommonStrings(): CommonStrings {
  return withEnglishFallback(englishCommonStrings, sharedStrings.Common);
}

/**
 * A screen's strings in the user's language: the web part's translation over the screen's English, with the shared
 * `common` texts translated once for all screens.
 */
export function localizedScreenStrings<T extends { common: CommonStrings }>(english: T, translated: Partial<T> | undefined): T {
  return withEnglishFallback(english, { common: localizedCommonStrings(), ...translated } as Partial<T>);
}

export function localizedPlayerStrings(): PlayerStrings {
  return localizedScreenStrings(englishPlayerStrings, sharedStrings.Player);
}

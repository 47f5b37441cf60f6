import type { CatalogView, ILearningApi } from '../../client/learningApi';

export interface CatalogScope {
  /** The one catalog a web part shows; empty: every catalog open to the user. */
  catalogId: string;
  /** The page's site: a catalog bound to this site (its `siteUrl`) comes first, so it is the one shown by default. */
  siteUrl: string;
}

function sameSite(a: string | null, b: string): boolean {
  const normal = (url: string): string => url.trim().replace(/\/+$/, '').toLowerCase();
  return a !== null && b !== '' && normal(a) === normal(b);
}

/** The catalogs a web part instance offers, in the order it offers them. */
export function catalogsInScope(catalogs: CatalogView[], scope: CatalogScope): CatalogView[] {
  if (scope.catalogId) return catalogs.filter((catalog) => catalog.id === scope.catalogId);
  const ofThisSite = catalogs.filter((catalog) => sameSite(catalog.siteUrl, scope.siteUrl));
  return [...ofThisSite, ...catalogs.filter((catalog) => !ofThisSite.includes(catalog))];
}

/** The learning API as the catalog screen sees it from this web part: only the catalogs in scope. */
export function scopeToCatalog(api: ILearningApi, scope: CatalogScope): ILearningApi {
  return new Proxy(api, {
    get(target, property, receiver) {
      if (property === 'listCatalogs') return async () => catalogsInScope(await target.listCatalogs(), scope);
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * PnPjs adds `sp.web`, `web.lists` and `list.items` by module augmentation written without file extensions
 * (`declare module "../fi"`). The SPFx compiler (node resolution) applies them; the tests' compiler (NodeNext)
 * cannot resolve an extensionless specifier inside an ES module package, so it drops them. The same three
 * augmentations, with the extensions NodeNext needs, for the PnPjs adapter the tests type-check.
 */
import type { IWeb } from '@pnp/sp/webs/types.js';
import type { ILists } from '@pnp/sp/lists/types.js';
import type { IItems } from '@pnp/sp/items/types.js';

declare module '@pnp/sp/fi.js' {
  interface SPFI {
    readonly web: IWeb;
  }
}

declare module '@pnp/sp/webs/types.js' {
  interface _Web {
    readonly lists: ILists;
  }
}

declare module '@pnp/sp/lists/types.js' {
  interface _List {
    readonly items: IItems;
  }
}

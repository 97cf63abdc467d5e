import * as sharedListSearch from '../../shared/methods/listSearch';
import * as adminListSearch from './listSearchAdmin';

export * as loadOptions from '../../shared/methods/loadOptions';
export const listSearch = { ...sharedListSearch, ...adminListSearch };

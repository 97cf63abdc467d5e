import * as sharedListSearch from '../../shared/methods/listSearch';
import * as sharedLoadOptions from '../../shared/methods/loadOptions';
import * as adminListSearch from './listSearchAdmin';
import * as settings from './listSearchSettings';

const { getIntegrationApps, ...settingsListSearch } = settings;

export const listSearch = { ...sharedListSearch, ...adminListSearch, ...settingsListSearch };
export const loadOptions = { ...sharedLoadOptions, getIntegrationApps };

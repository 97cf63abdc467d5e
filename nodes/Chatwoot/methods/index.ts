export * as listSearch from '../../shared/methods/listSearch';
export * as loadOptions from '../../shared/methods/loadOptions';

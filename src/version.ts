/** The package version; also the pipeline version the store compares to decide on re-extraction. */
export const VERSION = '0.1.0';

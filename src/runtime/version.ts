import packageJson from '../../package.json' with { type: 'json' };

/** This package's version, as package.json says (the bundles carry it). */
export const VERSION: string = packageJson.version;

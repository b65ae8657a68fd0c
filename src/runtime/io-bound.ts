import { useIoBoundProfile } from './v8-profile.js';

// Imported first by each entry point: the profile must hold before undici, loaded with the rest, compiles its parser.
useIoBoundProfile();

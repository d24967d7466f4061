// Run once by the bundle step (scripts/bundle.mjs), then removed: writes dist/templates.json, the default templates
// compiled ahead (render/precompiled.ts).
import { precompileDefaults } from './templates.ts';

precompileDefaults();

// The files of each group of modules loaded on demand, read from the splitter's loader
// (`__wasm_split.js`, docs/build.md): a group's own module and the shared chunks it needs,
// as names relative to the loader. Used by the build (the stored start's preloads) and by
// the bundle's figures (scripts/bench-bundle.mjs).
export function groupsOf(loader) {
  const chunks = Object.fromEntries([...loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)]
    .map((m) => [m[1], m[2]]));
  const groups = {};
  for (const m of loader.matchAll(/export const __wasm_split_load_([a-z_]+?)(?:_\d+)? = wrapAsyncCb\(makeLoad\(([\s\S]*?)\[([^\]]*)\]\)\);/g)) {
    const own = m[2].match(/"\.\/([^"]+\.wasm)"/);
    const deps = m[3].split(',').map((s) => s.trim()).filter(Boolean).map((c) => chunks[c]);
    groups[m[1]] = [...(own ? [own[1]] : []), ...deps];
  }
  return groups;
}

// electron-builder's beforeBuild hook: returning false skips installing and copying node_modules,
// which the app does not need because build/build.mjs bundles every dependency into out/.
module.exports = async () => false;

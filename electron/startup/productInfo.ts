/** Replaced by build/build.mjs from package.json; absent when the sources run directly (unit tests). */
declare const __PRODUCT_VERSION__: string | undefined;

export const productName = 'Reflective Portfolio';
export const productVersion = typeof __PRODUCT_VERSION__ === 'string' ? __PRODUCT_VERSION__ : '0.0.0-dev';

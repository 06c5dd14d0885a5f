export const organizations = {};

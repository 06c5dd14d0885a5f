export const funders = {};

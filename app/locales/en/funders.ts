import type { funders as zh } from "../zh-CN/funders";

export const funders: typeof zh = {};

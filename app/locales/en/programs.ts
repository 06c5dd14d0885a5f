import type { programs as zh } from "../zh-CN/programs";

export const programs: typeof zh = {};

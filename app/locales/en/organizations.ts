import type { organizations as zh } from "../zh-CN/organizations";

export const organizations: typeof zh = {};

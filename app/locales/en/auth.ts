import type { auth as zh } from "../zh-CN/auth";

export const auth: typeof zh = {};

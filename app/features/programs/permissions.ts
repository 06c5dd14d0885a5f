// Who may do what with programs. Staff of a funder run that funder's programs; platform admins may look at any
// program's manage page but do not act for a funder. Denials: a program-scoped staff page of a program the actor
// may not see answers 404 (a draft's existence is private); creating for a funder the actor is not staff of answers
// 403 (funders are public, so refusing plainly hides nothing).
import type { Actor } from "~/lib/actor.server";
import { isProgramEditable } from "./program-lifecycle";

type Who = Pick<Actor, "funderIds" | "isPlatformAdmin">;
interface ProgramRef {
  funderId: number;
  status: string;
}

export function isFunderStaff(actor: Who, funderId: number): boolean {
  return actor.funderIds.includes(funderId);
}

export function canCreateProgram(actor: Who, funderId: number): boolean {
  return isFunderStaff(actor, funderId);
}

export function canViewManagedProgram(actor: Who, program: ProgramRef): boolean {
  return isFunderStaff(actor, program.funderId) || actor.isPlatformAdmin;
}

export function canEditProgram(actor: Who, program: ProgramRef): boolean {
  return isFunderStaff(actor, program.funderId) && isProgramEditable(program.status);
}

export function canChangeProgramStatus(actor: Who, program: ProgramRef): boolean {
  return isFunderStaff(actor, program.funderId);
}

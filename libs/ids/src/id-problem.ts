/** Why an ID was refused: a stable code and the message in Vietnamese and English. Callers add the field or row. */
export interface IdProblem {
  code: string;
  vi: string;
  en: string;
}

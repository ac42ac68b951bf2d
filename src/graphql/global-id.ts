import { badInput } from './errors';

/**
 * Global ids are opaque to clients: base64url of "Type:localId". Clients must not parse them;
 * the encoding may change, the ids of existing records will not.
 */
export function encodeGlobalId(typeName: string, localId: number): string {
  return Buffer.from(`${typeName}:${localId}`, 'utf8').toString('base64url');
}

export interface DecodedId {
  typeName: string;
  localId: number;
}

export function decodeGlobalId(id: string, argument = 'id'): DecodedId {
  const raw = /^[A-Za-z0-9_-]{1,64}$/.test(id) ? Buffer.from(id, 'base64url').toString('utf8') : '';
  const match = /^([A-Z][A-Za-z]{1,40}):([1-9][0-9]{0,14})$/.exec(raw);
  if (!match) throw badInput(argument, `"${id.slice(0, 80)}" is not a valid ID`);
  return { typeName: match[1], localId: Number(match[2]) };
}

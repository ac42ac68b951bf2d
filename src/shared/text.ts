/** Upper-case letters and digits only: "Clusters Cord" and "CLUSTERS-CORD" both become "CLUSTERSCORD". */
export function acronymKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export type KeyedPositions = {
  /** Files `position` under `key`; the caller files each pair once. */
  add(key: string | number, position: number): void;
  /** The positions filed under `key` that are still `live`; the others are dropped for good. */
  read(key: string | number, live: (position: number) => boolean): readonly number[];
};

/**
 * Positions of kept items filed under keys (a word's number, a name, a turn), so a new item is compared
 * only with the kept items sharing a key instead of with every one. Retired positions are dropped as
 * they are met, so each is paid for once.
 */
export function createKeyedPositions(): KeyedPositions {
  const lists = new Map<string | number, number[]>();
  return {
    add(key, position) {
      const list = lists.get(key);
      if (list === undefined) lists.set(key, [position]);
      else list.push(position);
    },
    read(key, live) {
      const list = lists.get(key);
      if (list === undefined) return [];
      let kept = 0;
      for (const position of list) if (live(position)) list[kept++] = position;
      list.length = kept;
      return list;
    },
  };
}

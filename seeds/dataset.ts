/**
 * The in-memory shape of a dataset to load: used by the demo generator and by the bulk loader.
 * Every node has a graph-wide unique `id`; every relationship has its own `id` too, so that loading
 * the same dataset twice MERGEs onto what is there instead of duplicating it.
 */
export type PropertyValue = string | number | boolean | null | string[] | number[] | boolean[];

export interface DatasetNode {
  id: string;
  /** Vocabulary labels (server/domain/vocabulary.ts), most specific first, e.g. ['Crime', 'Incident']. */
  labels: string[];
  props: Record<string, PropertyValue>;
}

export interface DatasetLink {
  id: string;
  type: string;
  start: string;
  end: string;
  props: Record<string, PropertyValue>;
}

export interface Dataset {
  nodes: DatasetNode[];
  links: DatasetLink[];
}

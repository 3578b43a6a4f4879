import type { Meilisearch, RecordAny } from 'meilisearch';

/** Every document of an index, page by page. */
export async function readAllDocuments<T extends RecordAny>(client: Meilisearch, uid: string): Promise<T[]> {
  const documents: T[] = [];
  const limit = 1000;
  for (let offset = 0; ; offset += limit) {
    const page = await client.index<T>(uid).getDocuments({ limit, offset });
    documents.push(...page.results);
    if (page.results.length < limit) return documents;
  }
}

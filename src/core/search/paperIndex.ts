export interface SearchHit {
  id: string;
  score: number;
}

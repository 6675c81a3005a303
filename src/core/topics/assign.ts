import { Paper } from '../paper';
import { Topic, TopicModel, TopicModelOptions, computeTopics } from './organize';

/**
 * Writes a freshly computed topic model into the papers while keeping what the user decided by hand:
 * - a paper the user moved (`topicLocked`) stays with the topic it was moved to: if that topic lives on in a new
 *   cluster (matched by membership), the paper follows it under its new label; otherwise it keeps its label;
 * - a topic the user renamed (`topicNamedByUser` on its papers) gives its name to the new cluster that holds most
 *   of its papers, so a rename survives re-organizing as long as the group does.
 * Old topics and new clusters are matched greedily by the number of papers they share; a match needs at least
 * half of the old topic's papers or half of the cluster.
 */
export function applyTopicModel(papers: readonly Paper[], model: TopicModel): { papers: Paper[]; topics: Topic[] } {
  const clusterOf = new Map<string, number>();
  model.topics.forEach((topic, c) => topic.paperIds.forEach((id) => clusterOf.set(id, c)));

  const oldMembers = new Map<string, string[]>();
  for (const paper of papers) {
    if (paper.topic && !paper.topicLocked && clusterOf.has(paper.id)) (oldMembers.get(paper.topic) ?? oldMembers.set(paper.topic, []).get(paper.topic)!).push(paper.id);
  }
  const pairs: { topic: string; cluster: number; shared: number }[] = [];
  for (const [topic, ids] of oldMembers) {
    const counts = new Map<number, number>();
    for (const id of ids) counts.set(clusterOf.get(id)!, (counts.get(clusterOf.get(id)!) ?? 0) + 1);
    for (const [cluster, shared] of counts) {
      if (2 * shared >= ids.length || 2 * shared >= model.topics[cluster].paperIds.length) pairs.push({ topic, cluster, shared });
    }
  }
  pairs.sort((a, b) => b.shared - a.shared || a.topic.localeCompare(b.topic) || a.cluster - b.cluster);
  const clusterForTopic = new Map<string, number>();
  const topicForCluster = new Map<number, string>();
  for (const pair of pairs) {
    if (clusterForTopic.has(pair.topic) || topicForCluster.has(pair.cluster)) continue;
    clusterForTopic.set(pair.topic, pair.cluster);
    topicForCluster.set(pair.cluster, pair.topic);
  }

  const userNamed = new Set(papers.filter((paper) => paper.topicNamedByUser && paper.topic).map((paper) => paper.topic!));
  // Labels that stay in use whatever the clustering says: the user's topics no cluster took over.
  const claimed = new Set<string>();
  for (const paper of papers) {
    if (paper.topic && (paper.topicLocked || paper.topicNamedByUser) && !clusterForTopic.has(paper.topic)) claimed.add(fold(paper.topic));
  }
  const keepName = new Set<number>();
  const named = model.topics.map((topic, c) => {
    const matched = topicForCluster.get(c);
    if (matched === undefined || !userNamed.has(matched)) return undefined;
    keepName.add(c);
    claimed.add(fold(matched));
    return matched;
  });
  const finalLabels = model.topics.map((topic, c) => named[c] ?? distinctLabel(topic, claimed));

  const updated = papers.map((paper): Paper => {
    const next: Paper = { ...paper };
    if (paper.topicLocked && paper.topic) {
      const follow = clusterForTopic.get(paper.topic);
      if (follow !== undefined) {
        next.topic = finalLabels[follow];
        setFlag(next, 'topicNamedByUser', keepName.has(follow));
      }
      return next;
    }
    const c = clusterOf.get(paper.id);
    if (c === undefined) return next;
    next.topic = finalLabels[c];
    setFlag(next, 'topicNamedByUser', keepName.has(c));
    return next;
  });

  const topics = new Map<string, Topic>();
  model.topics.forEach((topic, c) => topics.set(finalLabels[c], { label: finalLabels[c], keywords: topic.keywords, paperIds: [] }));
  for (const paper of updated) {
    if (!paper.topic) continue;
    const topic = topics.get(paper.topic) ?? topics.set(paper.topic, { label: paper.topic, keywords: [], paperIds: [] }).get(paper.topic)!;
    topic.paperIds.push(paper.id);
  }
  return { papers: updated, topics: [...topics.values()].filter((topic) => topic.paperIds.length > 0) };
}

function fold(label: string): string {
  return label.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The topic's label, or when the user already uses it elsewhere, the label with a further keyword or a number. */
function distinctLabel(topic: Topic, claimed: Set<string>): string {
  let label = topic.label;
  for (const keyword of topic.keywords) {
    if (!claimed.has(fold(label))) break;
    if (!fold(label).split(' · ').includes(fold(keyword))) label = `${label} · ${keyword}`;
  }
  for (let i = 2; claimed.has(fold(label)); i++) label = `${topic.label} (${i})`;
  claimed.add(fold(label));
  return label;
}

function setFlag(paper: Paper, flag: 'topicNamedByUser' | 'topicLocked', on: boolean): void {
  if (on) paper[flag] = true;
  else delete paper[flag];
}

/**
 * Re-organizes a library into topics. Every paper is clustered, so moving a paper by hand does not shift the
 * automatic topics of the others; the papers the user placed by hand then stay where the user put them (see
 * applyTopicModel).
 */
export function organizeLibrary(papers: readonly Paper[], options: TopicModelOptions = {}): { papers: Paper[]; topics: Topic[]; model: TopicModel } {
  const model = computeTopics(papers, options);
  return { ...applyTopicModel(papers, model), model };
}

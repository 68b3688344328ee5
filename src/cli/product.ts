// Name, version and web address of the product, taken from package.json at build time.
import * as manifest from '../../package.json';

interface Manifest {
  version: string;
  homepage?: string;
  repository?: string | { url?: string };
}

const info = manifest as unknown as Manifest;

export const TOOL_NAME = 'Bulletin Checker';
export const VERSION = info.version;

// No address is invented: until package.json names a repository, SARIF output simply has no links.
function repositoryUrl(): string | undefined {
  const declared = typeof info.repository === 'string' ? info.repository : info.repository?.url;
  if (declared && /^(git\+)?https:\/\//.test(declared)) return declared.replace(/^git\+/, '').replace(/\.git$/, '');
  return info.homepage;
}

export const REPOSITORY_URL = repositoryUrl();

/** Where a rule's documentation page lives in the repository, when the repository is known. */
export function ruleHelpUri(ruleId: string): string | undefined {
  return REPOSITORY_URL ? `${REPOSITORY_URL}/blob/main/docs/rules/${encodeURIComponent(ruleId)}.md` : undefined;
}

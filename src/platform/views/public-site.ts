// What every page of the public site shows around its content, whichever module renders it: the
// site's identity for the footer (the national government website indicators: 主办单位, 网站标识码,
// ICP 备案号, 公安备案号, contact), the reader's reading aids and the page's own address. The portal
// provides it (from the agency profiles an administrator edits); the composition root registers
// the provider and the server asks it once per public request (platform/http/server.tsx), so the
// application form and the tracking page wear the same frame as the catalog.
import type { FastifyRequest } from 'fastify';

/** The reading aids chosen on the toolbar (cookie gk_display). */
export interface DisplayMode {
  readonly text: boolean;
  readonly contrast: boolean;
  readonly spacing: boolean;
}

/** The site's identity as the footer shows it; a field the host agency has not entered is null. */
export interface PublicSite {
  /** 主办单位: the agency that runs the site. */
  readonly hostName: string;
  /** 网站标识码. */
  readonly websiteCode: string | null;
  /** ICP 备案号 (links to beian.miit.gov.cn). */
  readonly icpNumber: string | null;
  /** 公安机关互联网站安全管理备案号 (links to beian.mps.gov.cn). */
  readonly psbNumber: string | null;
  readonly address: string | null;
  readonly postcode: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  /** The agency the guide and the application form open on. */
  readonly defaultAgency: { readonly code: string; readonly name: string } | null;
}

export const EMPTY_SITE: PublicSite = {
  hostName: '',
  websiteCode: null,
  icpNumber: null,
  psbNumber: null,
  address: null,
  postcode: null,
  phone: null,
  email: null,
  defaultAgency: null,
};

export const NO_AIDS: DisplayMode = { text: false, contrast: false, spacing: false };

/** The frame of one public request. */
export interface PublicFrame {
  /** The page's address with its query (the reading aids' way back, the language switch). */
  readonly url: string;
  readonly mode: DisplayMode;
  readonly site: PublicSite;
}

export type PublicFrameProvider = (req: FastifyRequest) => Promise<PublicFrame>;

let provider: PublicFrameProvider | undefined;

/** Called by the composition root only. */
export function providePublicFrame(p: PublicFrameProvider): void {
  provider = p;
}

/** The frame of a public request, or undefined when no provider is registered. */
export function publicFrameOf(req: FastifyRequest): Promise<PublicFrame> | undefined {
  return provider?.(req);
}

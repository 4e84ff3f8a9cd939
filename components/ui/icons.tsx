import type { SVGProps } from 'react';

/** The few icons the app draws (stroke icons on a 16-unit grid); always decorative, so hidden from screen readers. */
function Icon({ children, className, ...props }: SVGProps<SVGSVGElement>) {
  return (
    <svg
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={className ?? 'size-4'}
      {...props}
    >
      {children}
    </svg>
  );
}

/** An icon drawn by one stroke path. */
function pathIcon(name: string, path: string) {
  const PathIcon = (props: SVGProps<SVGSVGElement>) => (
    <Icon {...props}>
      <path d={path} />
    </Icon>
  );
  PathIcon.displayName = name;
  return PathIcon;
}

export const ChevronDownIcon = pathIcon('ChevronDownIcon', 'm4 6 4 4 4-4');
export const CheckIcon = pathIcon('CheckIcon', 'm3.5 8.5 3 3 6-7');
export const XIcon = pathIcon('XIcon', 'm4.5 4.5 7 7m0-7-7 7');
export const FilterIcon = pathIcon('FilterIcon', 'M2.5 3.5h11l-4.25 5v4l-2.5 1v-5z');
export const DownloadIcon = pathIcon('DownloadIcon', 'M8 2.5v8m-3.5-3.5L8 10.5 11.5 7M3 13.5h10');
export const MenuIcon = pathIcon('MenuIcon', 'M2.5 4h11M2.5 8h11M2.5 12h11');

const paths = {
  expand: 'M5 4l5 4-5 4M9 4l5 4-5 4',
  collapse: 'M11 4L6 8l5 4M7 4L2 8l5 4',
  add: 'M8 3v10M3 8h10',
  expiring: 'M8 2.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11zM8 5v3.2l2.2 1.6',
  settings:
    'M8 5.6a2.4 2.4 0 1 0 0 4.8 2.4 2.4 0 0 0 0-4.8zM8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4',
  help: 'M6 6.2a2 2 0 1 1 2.8 1.8c-.5.3-.8.7-.8 1.3v.5M8 12v.2',
} as const;

/** The sidebar's line icons (decorative: each button carries its words). */
export function SidebarIcon({ name }: { name: keyof typeof paths }) {
  return (
    <svg
      className="sidebar-icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={paths[name]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

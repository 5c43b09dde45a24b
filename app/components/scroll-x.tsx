"use client";

import { useEffect, useRef, useState } from "react";

/**
 * A box that scrolls sideways when its content is wider (a table on a phone), with a fading edge
 * and a "more →" cue on the side that has more, so nobody takes a cut table for the whole of it.
 */
export function ScrollX({ label, className = "", children }: { label: string; className?: string; children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState({ left: false, right: false });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => setMore({ left: el.scrollLeft > 1, right: el.scrollLeft + el.clientWidth < el.scrollWidth - 1 });
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    el.addEventListener("scroll", update, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener("scroll", update);
    };
  }, []);
  return (
    <div className={`relative ${className}`}>
      <div ref={ref} className="overflow-x-auto" role="region" aria-label={label} tabIndex={0}>
        {children}
      </div>
      {more.left ? <div className="pointer-events-none absolute inset-y-0 left-0 w-6 bg-gradient-to-r from-white to-transparent" /> : null}
      {more.right ? (
        <div className="pointer-events-none absolute inset-y-0 right-0 flex w-16 items-start justify-end bg-gradient-to-l from-white via-white/80 to-transparent">
          <span
            className="mr-1 mt-1 whitespace-nowrap rounded bg-gray-800/80 px-1.5 text-[10px] font-medium text-white"
            data-testid="scroll-cue"
          >
            more →
          </span>
        </div>
      ) : null}
    </div>
  );
}

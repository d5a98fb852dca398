import { useEffect, useState } from 'react';
import { thisWeek } from '../../../shared/dates/weeks.js';
import { type Route, parseRoute, routeHash } from './route.js';

function currentRoute(): Route {
  return parseRoute(window.location.hash, thisWeek(new Date()));
}

/** The route in the address; an address that is not in canonical form is rewritten in place. */
export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(currentRoute);
  useEffect(() => {
    const update = () => {
      const next = currentRoute();
      const canonical = routeHash(next);
      if (window.location.hash !== canonical) window.history.replaceState(null, '', canonical);
      setRoute((previous) => (routeHash(previous) === canonical ? previous : next));
    };
    update();
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

export function navigate(route: Route): void {
  const hash = routeHash(route);
  if (window.location.hash !== hash) window.location.hash = hash;
}
